import type { DemoAgreementData } from '../demo-types.js';
import { buonMaThuotVnptDakLak2022 } from './buon-ma-thuot-vnpt-dak-lak-2022.js';
import { caMauFpt2025 } from './ca-mau-fpt-2025.js';
import { caMauVnpt2025 } from './ca-mau-vnpt-2025.js';
import { haiDuongViettel2022 } from './hai-duong-viettel-2022.js';
import { quangNamVnpt2014 } from './quang-nam-vnpt-2014.js';
import { quangNamVnpt2021 } from './quang-nam-vnpt-2021.js';

/**
 * The five agreements of the seed articles (shared/seeds), plus the 2014–2020 Quảng Nam – VNPT
 * agreement that the 2021 article names as its predecessor. One file per agreement, in sections:
 * the agreement itself, then its plan (a later capability adds its own section to each file).
 *
 * What comes from the articles: the parties, the dates and places of signing, the periods,
 * the signatories, the legal bases, the cooperation contents and the source URLs (only two of
 * the articles carry one). Everything below the areas — tasks, units, people, dates, products —
 * is an invented but plausible joint plan for the demo; the people in it are not real officials.
 * "Today" for the statuses is 22 November 2026.
 *
 * Loaded in this order: a predecessor comes before the agreement that names it.
 */
export const demoAgreements: DemoAgreementData[] = [
  quangNamVnpt2014,
  caMauVnpt2025,
  caMauFpt2025,
  quangNamVnpt2021,
  buonMaThuotVnptDakLak2022,
  haiDuongViettel2022,
];
