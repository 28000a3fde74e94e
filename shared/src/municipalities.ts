import data from './data/municipalities.json' with { type: 'json' };
import type { Locale } from './roles.js';

export interface Municipality {
  code: string;
  names: { fi: string; sv: string; se?: string };
  lat: number;
  lon: number;
}

/** The 21 municipalities of Lapland, from Statistics Finland's codes. */
export const MUNICIPALITIES: readonly Municipality[] = data.municipalities;
const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function municipalityByCode(code: string): Municipality | undefined {
  return BY_CODE.get(code);
}

export function isMunicipalityCode(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * The municipality's name for a reader: Finnish or Swedish by locale (English readers get the
 * Finnish name), followed by the Northern Sami name where one is official: "Inari – Anár".
 */
export function municipalityName(code: string, locale: Locale): string {
  const m = BY_CODE.get(code);
  if (!m) return code;
  const main = locale === 'sv' ? m.names.sv : m.names.fi;
  return m.names.se ? `${main} – ${m.names.se}` : main;
}

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres between two municipal centres (haversine). */
export function distanceKm(fromCode: string, toCode: string): number | null {
  const a = BY_CODE.get(fromCode);
  const b = BY_CODE.get(toCode);
  if (!a || !b) return null;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}
