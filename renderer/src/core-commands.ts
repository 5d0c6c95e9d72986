import { THEMES, displayAccelerator } from '../../electron/shared/format'
import type { Result } from '../../electron/shared/result'
import { api } from './api'
import { registerCommands } from './commands'
import { IS_MAC, MOD } from './keys'
import { THEME_LABELS } from './components/settings/AppearanceSection'
import { SETTINGS_SECTIONS } from './settings-sections'
import { useApp } from './store'

/** The commands every build has: recording, settings, switching incidents, theme, data. */
registerCommands('core', () => {
  const state = useApp.getState()
  const settings = state.snapshot?.settings
  return [
    {
      id: 'record',
      title: 'Record incident',
      shortcut: `${MOD}+N`,
      keywords: 'new create report',
      run: () => useApp.getState().openRecord(),
    },
    ...navigationCommands(),
    {
      id: 'backup',
      title: 'Back up everything…',
      keywords: 'export archive zip save all',
      run: () => void showIfRefused(api.backup.export()),
    },
    {
      id: 'import-backup',
      title: 'Import a backup…',
      keywords: 'restore zip archive move',
      run: () => useApp.getState().openSettings('data'),
    },
    {
      id: 'settings',
      title: 'Open settings',
      shortcut: `${MOD}+,`,
      keywords: 'preferences options',
      run: () => useApp.getState().openSettings(),
    },
    ...THEMES.filter((theme) => theme !== settings?.appearance.theme).map((theme) => ({
      id: `theme-${theme}`,
      title: `Theme: ${THEME_LABELS[theme]}`,
      keywords: 'appearance dark light mode',
      run: () => void saveOrShow({ appearance: { theme } }),
    })),
    {
      id: 'first-run',
      title: 'Run the first-run setup again',
      keywords: 'welcome onboarding setup',
      run: () => useApp.getState().openFirstRun(),
    },
    {
      id: 'data-folder',
      title: 'Open data folder',
      keywords: 'files backup logs',
      run: () => void showIfRefused(api.dataFolder.open()),
    },
    ...SETTINGS_SECTIONS.slice(1).map((section) => ({
      id: `settings-${section.id}`,
      title: `Settings: ${section.title}`,
      keywords: 'preferences',
      run: () => useApp.getState().openSettings(section.id),
    })),
    ...(settings
      ? [
          {
            id: 'global-record',
            title: `Global shortcut for recording: ${displayAccelerator(settings.shortcuts.record, IS_MAC)}`,
            keywords: 'shortcut keys change',
            run: () => useApp.getState().openSettings('shortcuts'),
          },
        ]
      : []),
  ]
})

/** Switching to another incident, and to the other views. */
function navigationCommands() {
  const state = useApp.getState()
  const incidents = state.snapshot?.incidents ?? []
  return [
    ...incidents
      .filter((incident) => incident.id !== state.selectedId)
      .map((incident) => ({
        id: `switch-${incident.id}`,
        title: `Switch to: ${incident.title}`,
        keywords: 'incident open go',
        run: () => useApp.getState().openIncident(incident.id),
      })),
    ...(
      [
        ['incidents', 'Open the incidents list', 'active current'],
        ['history', 'Open history', 'past search find filter all incidents'],
        ['insights', 'Open insights', 'charts metrics statistics trends punctuality'],
      ] as const
    )
      .filter(([view]) => view !== state.view)
      .map(([view, title, keywords]) => ({
        id: `view-${view}`,
        title,
        keywords,
        run: () => useApp.getState().showView(view),
      })),
  ]
}

/** Shows the host's refusal, if it refused. */
async function showIfRefused(call: Promise<Result<unknown>>) {
  const result = await call
  if (!result.ok) useApp.getState().showError(result.error.message)
}

const saveOrShow = (patch: Parameters<typeof api.settings.update>[0]) =>
  showIfRefused(api.settings.update(patch))
