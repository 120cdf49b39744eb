import { businessDateOf } from '@tracker/domain';
import type { ProjectedEvent } from '@tracker/read-model';

/**
 * The business date of every event of a program, for "what had happened by <date>" (the
 * business-time view; DESIGN.md: bi-temporal). An event's own date wins: the occurredOn it was
 * stored with (a meeting's first day, a signing, a closing). Events without one borrow the date
 * of what they are about, and only when nothing gives a date does the day of recording count:
 *
 * - an outcome of an activity: the day the activity ended (a fair's revenue is known when the
 *   fair is over); a follow-up added to an activity: the same day (it was agreed there);
 * - an outcome's correction: the outcome's own business date. A correction fixes what is known
 *   about the same fact; it does not make the fact happen later;
 * - a program's correction (title, summary, start date): the date of its launch, for the same
 *   reason: the corrected record is what was launched;
 * - a partner added without a joining date: the program's start, when it has one;
 * - anything else undated (a status change; a program, partner, agreement or outcome with no
 *   date to borrow): its recording day, in Thailand (UTC+7).
 *
 * Organisations are reference data, not happenings: they are never filtered by business date.
 * Feed every event of the program in position order (also those the view then leaves out):
 * the dates of activities and outcomes are learnt on the way.
 */
export class BusinessDates {
  private readonly activityEnds = new Map<string, string>();
  private readonly outcomeDates = new Map<string, string>();
  private programStart: string | null = null;
  private launchDate: string | null = null;

  of(event: ProjectedEvent, storedOccurredOn: string | null): string {
    const date = storedOccurredOn ?? this.borrowed(event) ?? businessDateOf(event.recordedAt.toISOString());
    this.learn(event, date);
    return date;
  }

  private borrowed(event: ProjectedEvent): string | null {
    switch (event.type) {
      case 'OutcomeRecorded':
        return event.data.activityId === null ? null : (this.activityEnds.get(event.data.activityId) ?? null);
      case 'OutcomeCorrected':
        return this.outcomeDates.get(event.data.outcomeId) ?? null;
      case 'FollowUpAdded':
        return this.activityEnds.get(event.data.activityId) ?? null;
      case 'ProgramPartnerAdded':
        return this.programStart;
      case 'ProgramCorrected':
        return this.launchDate;
      default:
        return null;
    }
  }

  private learn(event: ProjectedEvent, date: string): void {
    switch (event.type) {
      case 'ActivityLogged':
        this.activityEnds.set(event.data.activityId, event.data.endsOn);
        break;
      case 'OutcomeRecorded':
        this.outcomeDates.set(event.data.outcomeId, date);
        break;
      case 'ProgramLaunched':
        this.programStart = event.data.startedOn;
        this.launchDate = date;
        break;
      case 'ProgramCorrected':
        // Partners added later without a joining date borrow the corrected start.
        this.programStart = event.data.startedOn;
        break;
      default:
        break;
    }
  }
}
