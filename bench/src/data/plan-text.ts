import type { AreaTheme, Obligor } from '@accord/domain';
import type { Rng } from './prng.js';
import type { AgreementEntry } from './registry.js';
import { yearOf } from './time.js';
import { responsiblePerson } from './vocabulary/people.js';
import { descriptionSentences, expectedProducts, slotValues, stepTitles, taskTitles, transformationSentences } from './vocabulary/tasks.js';

/** How often a task's description names digital transformation ("chuyển đổi số"). */
const TRANSFORMATION_SHARE = 0.07;

export interface TaskText {
  title: string;
  description: string | null;
  expectedProduct: string | null;
  responsiblePerson: string | null;
}

/** Writes the wording of one agreement's tasks, with its province's places and its partner's name. */
export class PlanWriter {
  private readonly communes: string[];
  private readonly ownCommune: string | null;
  private readonly partner: string;
  private readonly firstYear: number;
  private readonly lastYear: number;

  constructor(
    private readonly rng: Rng,
    private readonly agreement: AgreementEntry,
  ) {
    const wardName = (nameVi: string) => nameVi.replace(/^UBND /, '');
    this.communes = agreement.province.communes.map((c) => wardName(c.nameVi));
    const government = agreement.parties.find((p) => p.side === 'government')?.org;
    this.ownCommune = government?.kind === 'commune' ? wardName(government.nameVi) : null;
    this.partner = agreement.branch?.org.shortName ?? agreement.group.shortName;
    this.firstYear = yearOf(agreement.periodStart ?? 0);
    this.lastYear = Math.max(this.firstYear, yearOf(agreement.periodEnd ?? 0));
  }

  private slot(name: string): string {
    const { rng } = this;
    switch (name) {
      case 'xa':
        if (this.ownCommune && rng.chance(0.7)) return this.ownCommune;
        return this.communes.length > 0 ? rng.pick(this.communes) : 'các xã, phường';
      case 'tinh':
        return this.agreement.province.fullName;
      case 'dn':
        return this.partner;
      case 'n':
        return String(rng.between(2, 95));
      case 'nam':
        return String(rng.between(this.firstYear, this.lastYear));
      default:
        if (name in slotValues) return rng.pick(slotValues[name as keyof typeof slotValues]);
        throw new Error(`Unknown slot {${name}}`);
    }
  }

  fill(template: string): string {
    return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => this.slot(name));
  }

  task(theme: AreaTheme, depth: number, obligor: Obligor): TaskText {
    const { rng } = this;
    const template = depth > 0 && rng.chance(0.55) ? rng.pick(stepTitles) : rng.pick(taskTitles[theme]);
    const side = obligor === 'joint' ? (rng.chance(0.5) ? 'government' : 'enterprise') : obligor;
    return {
      title: this.fill(template),
      description: rng.chance(0.92) ? this.description() : null,
      expectedProduct: rng.chance(0.9) ? this.fill(rng.pick(expectedProducts)) : null,
      responsiblePerson: rng.chance(0.88) ? responsiblePerson(rng, side) : null,
    };
  }

  /** One to three sentences. */
  description(): string {
    const { rng } = this;
    const sentences = rng.sample(descriptionSentences, rng.weighted([1, 2, 3], [45, 35, 20]));
    if (rng.chance(TRANSFORMATION_SHARE)) sentences[sentences.length - 1] = rng.pick(transformationSentences);
    return sentences.map((s) => this.fill(s)).join(' ');
  }
}
