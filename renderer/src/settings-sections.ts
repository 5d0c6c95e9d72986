import type { ComponentType } from 'react'
import type { Settings } from '../../electron/shared/types'
import { AppearanceSection } from './components/settings/AppearanceSection'
import { CadenceSection } from './components/settings/CadenceSection'
import { DataSection } from './components/settings/DataSection'
import { LinksSection } from './components/settings/LinksSection'
import { NotificationsSection } from './components/settings/NotificationsSection'
import { PublishingSection } from './components/settings/PublishingSection'
import { RotaSection } from './components/settings/RotaSection'
import { SeveritySection } from './components/settings/SeveritySection'
import { ShortcutsSection } from './components/settings/ShortcutsSection'
import { TemplatesSection } from './components/settings/TemplatesSection'
import { YouSection } from './components/settings/YouSection'
import { AboutSection } from './components/update/AboutSection'

export interface SettingsSection {
  id: string
  title: string
  /** One line under the title: what this section decides. */
  summary: string
  Component: ComponentType<{ settings: Settings }>
}

/**
 * The settings window's sections, in the order of the list on the left. A feature adds its
 * section with one component and one entry here (rota, cadence, templates, quick links…).
 */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  {
    id: 'you',
    title: 'You',
    summary: 'Your name, chat handle, time zone and working hours.',
    Component: YouSection,
  },
  {
    id: 'severity',
    title: 'Severity scale',
    summary: 'The scale new incidents are recorded with.',
    Component: SeveritySection,
  },
  {
    id: 'notifications',
    title: 'Notifications & quiet hours',
    summary: 'When reminders may interrupt you.',
    Component: NotificationsSection,
  },
  {
    id: 'cadence',
    title: 'Update cadence',
    summary: 'How often a status update is due, per severity level.',
    Component: CadenceSection,
  },
  {
    id: 'rota',
    title: 'Rota',
    summary: 'Who can lead, their hours and expertise, and the weekly runner.',
    Component: RotaSection,
  },
  {
    id: 'shortcuts',
    title: 'Global shortcuts',
    summary: 'Keys that work from any app.',
    Component: ShortcutsSection,
  },
  {
    id: 'templates',
    title: 'Templates',
    summary: 'The wording of every post the app writes for you.',
    Component: TemplatesSection,
  },
  {
    id: 'publishing',
    title: 'Publishing',
    summary: 'The P2 (WordPress) the app publishes posts, comments and status tags to.',
    Component: PublishingSection,
  },
  {
    id: 'links',
    title: 'Quick links & runbooks',
    summary: 'Links on every incident; runbooks to link and follow.',
    Component: LinksSection,
  },
  {
    id: 'appearance',
    title: 'Appearance',
    summary: 'Light, dark, or the same as the system.',
    Component: AppearanceSection,
  },
  {
    id: 'data',
    title: 'Data & backup',
    summary: 'Where incidents are kept, backup and import, opening at login.',
    Component: DataSection,
  },
  {
    id: 'about',
    title: 'About & updates',
    summary: 'The version, its updates, and whether to check for them automatically.',
    Component: AboutSection,
  },
]
