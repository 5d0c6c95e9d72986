import { api } from '../../api'
import { useApp } from '../../store'
import { FormError } from '../common/RegisterCard'
import { RegisterForm } from '../common/RegisterForm'
import { useRegisterForm } from '../common/useRegisterForm'
import './QuickLinks.css'

const FIELDS = [
  { key: 'label', label: 'Link label', placeholder: 'Logs' },
  { key: 'url', label: 'Link URL', placeholder: 'https://…' },
] as const

/** Configurable links (logs, dashboards, CDN, runbook index), one click from the incident. */
export function QuickLinks() {
  const links = useApp((s) => s.snapshot?.settings.quickLinks ?? [])
  const form = useRegisterForm(() => ({ label: '', url: '' }))
  return (
    <nav className="quick-links" aria-label="Quick links">
      {links.map((link) => (
        <a key={link.url + link.label} href={link.url} target="_blank" rel="noreferrer">
          {link.label} ↗
        </a>
      ))}
      {form.adding ? (
        <RegisterForm
          form={form}
          fields={FIELDS}
          className="register-inline"
          submitLabel="Add"
          onSubmit={() =>
            void form.save(() => api.settings.update({ quickLinks: [...links, form.values] }))
          }
        />
      ) : (
        <button type="button" className="link" onClick={() => form.setAdding(true)}>
          {links.length ? '+ link' : 'Add quick links (logs, dashboards, CDN)…'}
        </button>
      )}
      <FormError message={form.error} />
    </nav>
  )
}
