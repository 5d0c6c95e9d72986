import { useEffect, useState } from 'react'
import {
  formatDateAndTime as dateAndTime,
  formatDay as day,
  formatMoment as moment,
  formatZonedAndUtc,
  humanDuration,
  type ClockStyle,
} from '../../electron/shared/time'
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

/** "4 min", "2 h 5 min", "3 d 4 h": how long, by the app's one duration rule. */
export const formatDuration = humanDuration

/** 'local' is the user's time zone (Settings → You; the system's until one is chosen). */
export type Zone = 'local' | 'utc'

/** The clock setting (Settings → Appearance), read where a time is drawn. */
export function clockStyle(): ClockStyle {
  return useApp.getState().snapshot?.settings.appearance.clock ?? '24h'
}

/** For components that must redraw when the clock setting changes. */
export function useClockStyle(): ClockStyle {
  return useApp((s) => s.snapshot?.settings.appearance.clock ?? '24h')
}

/** The user's time zone setting: an IANA name, or '' for the system's. */
export function userZone(): string {
  return useApp.getState().snapshot?.settings.you.timeZone ?? ''
}

/** For components that must redraw when the user's zone changes. */
export function useUserZone(): string {
  return useApp((s) => s.snapshot?.settings.you.timeZone ?? '')
}

/** The IANA zone a zone choice stands for. */
export function zoneName(zone: Zone): string {
  return zone === 'utc' ? 'UTC' : userZone()
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
  const text = moment(iso, {
    zone: zoneName(zone),
    clock: options.clock ?? clockStyle(),
    now: options.now ?? Date.now(),
  })
  return zone === 'utc' ? `${text} UTC` : text
}

/** "Tue 2023-10-03 14:02 (13:02 UTC)": the user's time, and UTC beside it. */
export function formatLocalAndUtc(iso: string, options: { clock?: ClockStyle; now?: number } = {}) {
  return formatZonedAndUtc(iso, {
    zone: userZone(),
    clock: options.clock ?? clockStyle(),
    now: options.now ?? Date.now(),
  })
}

/** "Mon 2026-11-23 14:02": a moment with its date always (lists of past incidents, backups). */
export function formatDateAndTime(iso: string, clock: ClockStyle = clockStyle()): string {
  return dateAndTime(iso, { zone: userZone(), clock })
}

/** "2026-11-23": the user's calendar day. */
export function formatDay(iso: string): string {
  return day(iso, userZone())
}
