import { APPLICATION_TRANSITIONS, type ApplicationAction, type ApplicationState } from '@keskusvaraamo/shared';
import type { Application } from './operations';

export const NEED_ID = '5a1e3c1b-7f0e-4a55-8d2b-2c1d9a6b4e01';

/** What the server lets one side do to an application in this state. */
export function actionsFor(state: ApplicationState, side: 'ORGANISATION' | 'APPLICANT'): ApplicationAction[] {
  return (Object.keys(APPLICATION_TRANSITIONS) as ApplicationAction[]).filter(
    (action) => APPLICATION_TRANSITIONS[action].by === side && APPLICATION_TRANSITIONS[action].from.includes(state),
  );
}

/** An application as the API gives it, the company's actions included. */
export function application(id: string, fields: Partial<Application> = {}): Application {
  const state = fields.state ?? 'SUBMITTED';
  return {
    id,
    state,
    need: {
      id: NEED_ID,
      title: 'Aurinkosähköasentaja',
      kind: 'INTERNSHIP',
      state: 'OPEN',
      organisation: { id: 'o1', name: 'Tunturienergia Oy' },
    },
    coverLetter: 'Olen kiinnostunut aurinkosähköstä.',
    proposalId: null,
    studentName: `Hakija ${id}`,
    profile: {
      institutionName: 'Lapin ammattikorkeakoulu',
      fieldOfStudy: 'Sähkö- ja automaatiotekniikka',
      studyLevel: 'BACHELOR',
      topics: ['solar-pv'],
      languages: ['fi', 'en'],
      availableFrom: '2026-06-01',
      availableTo: '2026-08-31',
      introduction: null,
    },
    rejectReason: null,
    events: [
      {
        id: `${id}-e1`,
        fromState: null,
        toState: 'SUBMITTED',
        actor: 'APPLICANT',
        reason: null,
        at: '2026-03-01T10:30:00Z',
      },
    ],
    actions: actionsFor(state, 'ORGANISATION'),
    createdAt: '2026-03-01T10:30:00Z',
    updatedAt: '2026-03-01T10:30:00Z',
    ...fields,
  };
}
