import crypto from 'node:crypto';
import { once } from 'node:events';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Side } from '@accord/domain';
import { contentEtag } from '../../http/concurrency.js';
import type { Viewer } from '../access/viewer.js';
import { SharedLoads } from './shared-loads.js';

const unbrotli = promisify(zlib.brotliDecompress);
const gzip = promisify(zlib.gzip);

/**
 * A whole plan tree as one viewer class sees it, made once: its ETag (a hash of its JSON) and its
 * JSON compressed with brotli (quality 5: 13 MB of 9,000 tasks in 0.8 MB, made once per version
 * of the plan, so a better ratio than the per-answer compression's quality 1 is worth it). A
 * client that does not take brotli gets gzip, made the first time it is asked, or the JSON.
 */
export class PlanAnswer {
  private gzipped: Promise<Buffer> | undefined;

  constructor(
    readonly etag: string,
    readonly br: Buffer,
    /** The JSON's length in bytes. */
    readonly jsonBytes: number,
  ) {}

  /**
   * Made from the JSON in pieces (the plan's areas, one at a time), each hashed and compressed
   * before the next is made: the whole JSON is never in memory at once (13 MB for 9,000 tasks,
   * twice that as a JavaScript string).
   */
  static async of(pieces: Iterable<string>): Promise<PlanAnswer> {
    const hash = crypto.createHash('sha256');
    const compressor = zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
    const out: Buffer[] = [];
    compressor.on('data', (chunk: Buffer) => out.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      compressor.once('end', resolve);
      compressor.once('error', reject);
    });
    let jsonBytes = 0;
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      hash.update(bytes);
      jsonBytes += bytes.length;
      if (!compressor.write(bytes)) await once(compressor, 'drain');
    }
    compressor.end();
    await ended;
    return new PlanAnswer(contentEtag(hash), Buffer.concat(out), jsonBytes);
  }

  json(): Promise<Buffer> {
    return unbrotli(this.br);
  }

  gzip(): Promise<Buffer> {
    this.gzipped ??= this.json().then((bytes) => gzip(bytes, { level: 6 }));
    return this.gzipped;
  }

  /** What it holds in memory. */
  get bytes(): number {
    return this.br.length;
  }
}

/** What a plan's answer depends on besides the viewer: its agreement, its stamp (`planStampStatement`) and the day its statuses are of. */
export interface PlanVersion {
  agreementId: string;
  stamp: string;
  today: string;
}

/** The plan's data read in one snapshot, with the stamp of that snapshot and the units that lead its tasks. */
export interface PlanBuild {
  stamp: string;
  leadUnitIds: readonly string[];
  /** The answer for one viewer class: the JSON of the plan as that class sees it, in pieces made as they are asked for. */
  present: (viewerClass: ViewerClass) => Iterable<string>;
}

/**
 * What in a viewer makes the plan look different to them: their role, their side of the
 * agreement, and which of the plan's lead units are theirs (the permissions of each task follow
 * from these alone: `taskPermissions`). Two viewers of one class see the same bytes.
 */
export interface ViewerClass {
  key: string;
  /** A viewer of the class and their side: the answer is made as they see it. */
  viewer: Viewer;
  side: Side | null;
}

/**
 * Each instance's cache of whole plan trees, by version and viewer class, bounded in bytes (least
 * recently used out first). It never decides whether a plan changed: every request reads the
 * plan's stamp from PostgreSQL (a hash of its rows' versions, `planStampStatement`), so an edit
 * made on any instance shows on the next request on every instance. Requests for one version and
 * class while it is being made wait for that one build (32 at once make it once, not 32 times).
 * Size 0 keeps nothing but still shares the builds in flight.
 */
export class PlanCache {
  private readonly answers = new Map<string, PlanAnswer>();
  private readonly building = new Map<string, Promise<PlanAnswer>>();
  /** The rows of each version being read: one read for every class waiting on it (the class is applied by `present`). */
  private readonly loads = new SharedLoads<PlanBuild>();
  /** The lead units of each agreement's plan at the stamp last built, to work out a viewer's class without its rows. */
  private readonly leads = new Map<string, { stamp: string; leadUnitIds: readonly string[]; loadedAs: number }>();
  private held = 0;
  private builds = 0;

  constructor(private readonly maxBytes: number) {}

  /**
   * The answer for `version` as `classOf` puts the viewer: from the cache, from a build in
   * flight, or built (`load` reads the plan in one snapshot; its stamp may be newer than the one
   * asked for, and the answer is kept under the stamp it was read at).
   */
  async answer(
    version: PlanVersion,
    classOf: (leadUnitIds: readonly string[]) => ViewerClass,
    load: () => Promise<PlanBuild>,
  ): Promise<PlanAnswer> {
    const known = this.leads.get(version.agreementId);
    if (known?.stamp === version.stamp) {
      const key = keyOf(version, classOf(known.leadUnitIds));
      const hit = this.answers.get(key);
      if (hit) {
        this.answers.delete(key);
        this.answers.set(key, hit);
        return hit;
      }
      const pending = this.building.get(key);
      if (pending) return pending;
    }
    // Loads in the order they began: a load that began before another read an older snapshot.
    const build = await this.loads.run(`${version.agreementId}|${version.stamp}|${version.today}`, load);
    const viewerClass = classOf(build.leadUnitIds);
    const built = { ...version, stamp: build.stamp };
    const key = keyOf(built, viewerClass);
    // A load that began before the latest one read an older snapshot: its answer goes to its own
    // requests, and is not kept over the newer one's.
    const latest = this.leads.get(version.agreementId);
    const current = latest === undefined || latest.loadedAs <= build.loadedAs;
    if (current) {
      this.leads.delete(version.agreementId);
      this.leads.set(version.agreementId, { stamp: build.stamp, leadUnitIds: build.leadUnitIds, loadedAs: build.loadedAs });
      if (this.leads.size > MAX_PLANS) this.leads.delete(this.leads.keys().next().value as string);
    }
    const ready = this.answers.get(key) ?? this.building.get(key);
    if (ready) return ready;
    const making = PlanAnswer.of(build.present(viewerClass))
      .then((made) => {
        this.builds += 1;
        if (current) this.keep(built, key, made);
        return made;
      })
      .finally(() => this.building.delete(key));
    this.building.set(key, making);
    return making;
  }

  /** How many answers were made, and what the cache holds: for tests and the benchmark's notes. */
  stats(): { builds: number; answers: number; bytes: number } {
    return { builds: this.builds, answers: this.answers.size, bytes: this.held };
  }

  private keep(version: PlanVersion, key: string, made: PlanAnswer): void {
    // An older version of the same plan is of no use any more: out with it at once.
    const prefix = `${version.agreementId}|`;
    for (const [k, a] of this.answers) {
      if (k.startsWith(prefix) && !k.startsWith(`${prefix}${version.stamp}|${version.today}|`)) this.drop(k, a);
    }
    if (made.bytes > this.maxBytes) return;
    this.answers.set(key, made);
    this.held += made.bytes;
    for (const [k, a] of this.answers) {
      if (this.held <= this.maxBytes) break;
      this.drop(k, a);
    }
  }

  private drop(key: string, answer: PlanAnswer): void {
    this.answers.delete(key);
    this.held -= answer.bytes;
  }
}

/** The plans whose lead units are remembered (a few KB each). */
const MAX_PLANS = 10_000;

const keyOf = (v: PlanVersion, c: ViewerClass) => `${v.agreementId}|${v.stamp}|${v.today}|${c.key}`;
