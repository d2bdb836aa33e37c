import type { AgreementStatus } from '@accord/domain';
import { agreementActors, pickCoordinator, type AgreementActors } from '../actors.js';
import type { Generator } from '../context.js';
import type { CopyRow } from '../copy.js';
import {
  agreementState,
  areaState,
  statusPath,
  taskState,
  undoAgreementEdit,
  undoAreaEdit,
  undoTaskEdit,
  type AgreementState,
  type AreaState,
  type TaskPhase,
  type TaskState,
} from '../history-states.js';
import type { Rng } from '../prng.js';
import type { AgreementEntry, AreaEntry, DatasetRegistry, TaskEntry } from '../registry.js';
import { DAY_MS, isoTime } from '../time.js';

interface TimedRow {
  at: number;
  row: CopyRow;
}

type Action = 'create' | 'update' | 'status' | 'move';

function row(
  at: number,
  actor: string | null,
  action: Action,
  type: 'agreement' | 'area' | 'task',
  id: string,
  agreementId: string,
  title: string,
  before: string | null,
  after: string | null,
): CopyRow {
  return [isoTime(at), actor, action, type, id, agreementId, title, before, after];
}

function event(...args: Parameters<typeof row>): TimedRow {
  return { at: args[0], row: row(...args) };
}

function agreementEvents(rng: Rng, a: AgreementEntry, actors: AgreementActors): TimedRow[] {
  const timeline = [
    ...a.statusSteps.map((s, i) => ({
      at: s.at,
      status: s.status,
      previous: (i === 0 ? 'draft' : a.statusSteps[i - 1]?.status) as AgreementStatus,
    })),
    ...a.editTimes.map((at) => ({ at, status: null, previous: null })),
  ].sort((x, y) => x.at - y.at);
  // Backwards from now: undo each change to get the state before it.
  const states: AgreementState[] = [agreementState(a)];
  for (let i = timeline.length - 1; i >= 0; i--) {
    const step = timeline[i] as (typeof timeline)[number];
    const after = states[0] as AgreementState;
    states.unshift(step.previous ? { ...after, status: step.previous } : undoAgreementEdit(rng, after));
  }
  const events = [event(a.createdAt, a.createdBy, 'create', 'agreement', a.id, a.id, a.title, null, JSON.stringify(states[0]))];
  timeline.forEach((step, i) => {
    const side = rng.chance(0.6) ? 'government' : 'enterprise';
    if (step.status && step.previous) {
      events.push(
        event(
          step.at,
          pickCoordinator(rng, actors, side),
          'status',
          'agreement',
          a.id,
          a.id,
          a.title,
          JSON.stringify({ status: step.previous }),
          JSON.stringify({ status: step.status }),
        ),
      );
    } else {
      events.push(
        event(
          step.at,
          pickCoordinator(rng, actors, side),
          'update',
          'agreement',
          a.id,
          a.id,
          a.title,
          JSON.stringify(states[i]),
          JSON.stringify(states[i + 1]),
        ),
      );
    }
  });
  return events;
}

function areaEvents(rng: Rng, area: AreaEntry, actors: AgreementActors): TimedRow[] {
  const states: AreaState[] = [areaState(area)];
  for (let i = 0; i < area.editTimes.length; i++) states.unshift(undoAreaEdit(rng, states[0] as AreaState));
  const agreementId = area.agreement.id;
  const json = states.map((s) => JSON.stringify(s));
  const events = [
    event(
      area.createdAt,
      pickCoordinator(rng, actors, null),
      'create',
      'area',
      area.id,
      agreementId,
      (states[0] as AreaState).title,
      null,
      json[0] as string,
    ),
  ];
  area.editTimes.forEach((at, i) => {
    events.push(
      event(
        at,
        pickCoordinator(rng, actors, null),
        'update',
        'area',
        area.id,
        agreementId,
        (states[i + 1] as AreaState).title,
        json[i] as string,
        json[i + 1] as string,
      ),
    );
  });
  return events;
}

/** A task's states from its creation to now, and what each change was. */
interface TaskLife {
  task: TaskEntry;
  states: TaskState[];
  kinds: ('update' | 'move')[];
  /** Each state's JSON, made when first needed and let go when no event needs it any more. */
  json: (string | undefined)[];
}

class TaskHistory {
  private readonly officers = new Map<string, string[]>();

  constructor(
    private readonly rng: Rng,
    private readonly data: DatasetRegistry,
  ) {}

  private officersAt(orgId: string): string[] {
    let ids = this.officers.get(orgId);
    if (!ids) {
      ids = (this.data.usersByOrg.get(orgId) ?? []).filter((u) => u.role === 'unit_officer').map((u) => u.id);
      this.officers.set(orgId, ids);
    }
    return ids;
  }

  /**
   * Builds the states backwards from now: each change undone gives the state before it. The
   * changes of its execution (started, delivered or accepted, paused, cancelled) are some of its
   * change times, each the first on or after the day its facts say it came, when there is one.
   */
  life(t: TaskEntry): TaskLife {
    const { rng } = this;
    const changes = t.changeTimes.length;
    const path = statusPath(rng, t);
    const statusChanges = Math.min(path.length - 1, changes);
    // The j-th status change (in time) leads to path[offset + j + 1]; with too few changes, the
    // task was made in a later phase.
    const offset = path.length - 1 - statusChanges;
    const statusAt = new Map<number, number>();
    let previous = -1;
    for (let j = 0; j < statusChanges; j++) {
      const latest = changes - (statusChanges - j);
      const on = path[offset + j + 1]?.on ?? null;
      let index: number;
      if (on === null) index = previous + 1 + rng.int(latest - previous);
      else {
        index = previous + 1;
        while (index < latest && Math.floor((t.changeTimes[index] as number) / DAY_MS) < on) index++;
      }
      statusAt.set(index, offset + j);
      previous = index;
    }
    const states = new Array<TaskState>(changes + 1);
    const kinds = new Array<'update' | 'move'>(changes);
    states[changes] = taskState(t, this.data);
    for (let i = changes - 1; i >= 0; i--) {
      const after = states[i + 1] as TaskState;
      const phase = statusAt.get(i);
      if (phase !== undefined) {
        // Before this change the task was in the phase before the one it led to.
        states[i] = { ...after, ...(path[phase] as TaskPhase).facts };
        kinds[i] = 'update';
      } else {
        const undone = undoTaskEdit(rng, after, t.siblings);
        states[i] = undone.before;
        kinds[i] = undone.kind;
      }
    }
    return { task: t, states, kinds, json: new Array<string | undefined>(changes + 1) };
  }

  /** The row of one event of a task's life: its creation (step -1) or change `step`. */
  row(life: TaskLife, step: number, actors: AgreementActors): CopyRow {
    const { rng } = this;
    const t = life.task;
    const jsonOf = (i: number) => (life.json[i] ??= JSON.stringify(life.states[i]));
    const obligorSide = t.obligor === 'joint' ? null : t.obligor;
    if (step < 0)
      return row(t.createdAt, pickCoordinator(rng, actors, obligorSide), 'create', 'task', t.id, t.agreement.id, t.title, null, jsonOf(0));
    const at = t.changeTimes[step] as number;
    if (life.kinds[step] === 'move') {
      const place = (s: TaskState) => JSON.stringify({ areaId: s.areaId, parentId: s.parentId, position: s.position });
      return row(
        at,
        pickCoordinator(rng, actors, obligorSide),
        'move',
        'task',
        t.id,
        t.agreement.id,
        t.title,
        place(life.states[step] as TaskState),
        place(life.states[step + 1] as TaskState),
      );
    }
    const officers = t.leadOrgId ? this.officersAt(t.leadOrgId) : [];
    const actor = officers.length > 0 && rng.chance(0.65) ? rng.pick(officers) : pickCoordinator(rng, actors, obligorSide);
    const result = row(at, actor, 'update', 'task', t.id, t.agreement.id, t.title, jsonOf(step), jsonOf(step + 1));
    life.json[step] = undefined;
    return result;
  }
}

/** All of an agreement's events in time order: its own, its areas', then its tasks' merged in. */
function* agreementHistory(rng: Rng, a: AgreementEntry, actors: AgreementActors, tasks: TaskHistory): Iterable<CopyRow> {
  const own = agreementEvents(rng, a, actors);
  for (const area of a.areas) own.push(...areaEvents(rng, area, actors));
  own.sort((x, y) => x.at - y.at);
  // Task events are many: sort small descriptors, and render each row only when it is written.
  const lives = a.tasks.map((t) => tasks.life(t));
  const count = lives.reduce((n, l) => n + l.states.length, 0);
  const at = new Float64Array(count);
  const owner = new Int32Array(count);
  const step = new Int32Array(count);
  let k = 0;
  lives.forEach((life, i) => {
    for (let s = -1; s < life.states.length - 1; s++, k++) {
      at[k] = s < 0 ? life.task.createdAt : (life.task.changeTimes[s] as number);
      owner[k] = i;
      step[k] = s;
    }
  });
  const order = Array.from({ length: count }, (_, i) => i).sort((x, y) => (at[x] as number) - (at[y] as number) || x - y);
  let o = 0;
  for (const e of own) {
    while (o < count && (at[order[o] as number] as number) < e.at) {
      const i = order[o++] as number;
      yield tasks.row(lives[owner[i] as number] as TaskLife, step[i] as number, actors);
    }
    yield e.row;
  }
  while (o < count) {
    const i = order[o++] as number;
    yield tasks.row(lives[owner[i] as number] as TaskLife, step[i] as number, actors);
  }
}

const COLUMNS = ['at', 'actor_id', 'action', 'entity_type', 'entity_id', 'agreement_id', 'entity_title', 'before', 'after'];

/**
 * The audit log (about 1,000,000 events at scale 1): the creation of every agreement, area and
 * task, then status changes, edits and moves at the times the earlier generators planned, with
 * before/after snapshots in the app's shapes, by coordinators and unit officers of the parties.
 * Each agreement's events are written in time order, so ids follow time within an agreement.
 */
export const historyGenerator: Generator = {
  name: 'history',
  dependsOn: ['agreements', 'plans'],
  tables: ['audit_events'],
  async generate(ctx) {
    const { rng, data } = ctx;
    const tasks = new TaskHistory(rng, data);
    const agreements = [...data.agreements].sort((x, y) => x.createdAt - y.createdAt);
    function* rows(): Iterable<CopyRow> {
      for (const a of agreements) yield* agreementHistory(rng, a, agreementActors(data, a), tasks);
    }
    await ctx.copy('audit_events', COLUMNS, rows());
  },
};
