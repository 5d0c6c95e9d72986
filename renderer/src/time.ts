import { useEffect, useState } from 'react'
import type { ClockStyle } from '../../electron/shared/types'
import { useApp } from './store'

/** The current time, re-rendered every `intervalMs`. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const handle = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(handle)
  }, [intervalMs])
  return now
}

/** "4 min", "2 h 5 min", "3 d 4 h": how long, for a glance. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 1) return 'under a minute'
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`
}

export type Zone = 'local' | 'utc'

/** The clock setting (Settings → Appearance), read where a time is drawn. */
export function clockStyle(): ClockStyle {
  return useApp.getState().snapshot?.settings.appearance.clock ?? '24h'
}

/** For components that must redraw when the clock setting changes. */
export function useClockStyle(): ClockStyle {
  return useApp((s) => s.snapshot?.settings.appearance.clock ?? '24h')
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const pad = (n: number) => String(n).padStart(2, '0')

interface Parts {
  weekday: string
  date: string
  hours: number
  minutes: number
}

function partsOf(d: Date, zone: Zone): Parts {
  const utc = zone === 'utc'
  const y = utc ? d.getUTCFullYear() : d.getFullYear()
  const m = (utc ? d.getUTCMonth() : d.getMonth()) + 1
  const day = utc ? d.getUTCDate() : d.getDate()
  return {
    weekday: WEEKDAYS[utc ? d.getUTCDay() : d.getDay()]!,
    date: `${y}-${pad(m)}-${pad(day)}`,
    hours: utc ? d.getUTCHours() : d.getHours(),
    minutes: utc ? d.getUTCMinutes() : d.getMinutes(),
  }
}

function clockText(p: Parts, clock: ClockStyle): string {
  if (clock === '24h') return `${pad(p.hours)}:${pad(p.minutes)}`
  const h = p.hours % 12 || 12
  return `${h}:${pad(p.minutes)} ${p.hours < 12 ? 'AM' : 'PM'}`
}

/**
 * One moment for the screen: "14:02" today, "Tue 2023-10-03 14:02" any other day, in the chosen
 * zone and with the clock setting; "UTC" after it in UTC.
 */
export function formatMoment(
  iso: string,
  zone: Zone = 'local',
  options: { clock?: ClockStyle; now?: number } = {},
): string {
  const d = new Date(iso)
  const p = partsOf(d, zone)
  const today = partsOf(new Date(options.now ?? Date.now()), zone).date === p.date
  const time = clockText(p, options.clock ?? clockStyle())
  const text = today ? time : `${p.weekday} ${p.date} ${time}`
  return zone === 'utc' ? `${text} UTC` : text
}

/** "Tue 2023-10-03 14:02 (13:02 UTC)": local time, and UTC beside it (with its date if it differs). */
export function formatLocalAndUtc(iso: string, options: { clock?: ClockStyle; now?: number } = {}) {
  const d = new Date(iso)
  const clock = options.clock ?? clockStyle()
  const local = formatMoment(iso, 'local', options)
  const u = partsOf(d, 'utc')
  const sameDay = partsOf(d, 'local').date === u.date
  const utc = `${sameDay ? '' : `${u.date} `}${clockText(u, clock)} UTC`
  return `${local} (${utc})`
}

/** "Mon 2026-11-23 14:02": a moment with its date always (lists of past incidents, backups). */
export function formatDateAndTime(iso: string, clock: ClockStyle = clockStyle()): string {
  const p = partsOf(new Date(iso), 'local')
  return `${p.weekday} ${p.date} ${clockText(p, clock)}`
}

/** "2026-11-23": the local calendar day. */
export function formatDay(iso: string): string {
  return partsOf(new Date(iso), 'local').date
}
