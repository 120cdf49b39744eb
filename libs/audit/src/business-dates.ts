import { businessDateOf } from '@tracker/domain';
import type { ProjectedEvent } from '@tracker/read-model';

type ActivityDates = { startsOn: string; endsOn: string };

/**
 * The business date of every event of a program, for "what had happened by <date>" (the
 * business-time view; DESIGN.md: bi-temporal). An event's own date wins: the occurredOn it was
 * stored with (a meeting's first day, a signing, a closing). Events without one borrow the date
 * of what they are about, and only when nothing gives a date does the day of recording count:
 *
 * - an outcome of an activity: the day the activity ended (a fair's revenue is known when the
 *   fair is over); a follow-up added to an activity: the same day (it was agreed there);
 * - a program's correction (title, summary, start date): the date of its launch, for the same
 *   reason as below: the corrected record is what was launched;
 * - an outcome's correction or void: the outcome's own business date. A correction fixes what
 *   is known about the same fact; it does not make the fact happen later (and a void says it
 *   never was, from the day it was said to be);
 * - a partner added without a joining date: the program's start, when it has one;
 * - anything else undated (a status change; a program, partner, agreement or outcome with no
 *   date to borrow): its recording day, in Thailand (UTC+7).
 *
 * Activities are dated by their dates as last corrected in the view (`foresee`): every event of
 * an activity (logged, corrected, cancelled) counts as happening on its start as corrected, and
 * its outcomes and follow-ups on its end as corrected. A meeting logged as 16 November and
 * corrected to 16 December is, once the correction is known, a December meeting all along: it
 * is not among what had happened by 30 November, and its correction does not wait for a later
 * date to apply. Before the correction was recorded (an earlier `asOf`), the view knows only
 * 16 November, and shows that.
 *
 * Organisations are reference data, not happenings: they are never filtered by business date.
 * Feed every event of the program in position order (also those the view then leaves out):
 * the dates of activities and outcomes are learnt on the way.
 */
export class BusinessDates {
  /** Each activity's dates as the view's last ActivityLogged or ActivityCorrected gives them. */
  private readonly activityDates = new Map<string, ActivityDates>();
  /** Each activity's dates as known at the event being dated (what `of` has seen so far). */
  private readonly activityStarts = new Map<string, string>();
  private readonly activityEnds = new Map<string, string>();
  private readonly outcomeDates = new Map<string, string>();
  private programStart: string | null = null;
  private launchDate: string | null = null;

  /**
   * Learns the activities' final dates from the view's events before any is dated: call it for
   * every event of the view first, then `of` for each. Without it, an activity's events are
   * dated as they were stored.
   */
  foresee(event: ProjectedEvent): void {
    if (event.type === 'ActivityLogged' || event.type === 'ActivityCorrected') {
      this.activityDates.set(event.data.activityId, { startsOn: event.data.startsOn, endsOn: event.data.endsOn });
    }
  }

  of(event: ProjectedEvent, storedOccurredOn: string | null): string {
    const date = this.activityStart(event) ?? storedOccurredOn ?? this.borrowed(event) ?? businessDateOf(event.recordedAt.toISOString());
    this.learn(event, date);
    return date;
  }

  private activityStart(event: ProjectedEvent): string | null {
    switch (event.type) {
      case 'ActivityLogged':
      case 'ActivityCorrected':
      case 'ActivityCancelled':
        return this.activityDates.get(event.data.activityId)?.startsOn ?? null;
      default:
        return null;
    }
  }

  private activityEnd(activityId: string): string | null {
    return this.activityDates.get(activityId)?.endsOn ?? this.activityEnds.get(activityId) ?? null;
  }

  private borrowed(event: ProjectedEvent): string | null {
    switch (event.type) {
      case 'OutcomeRecorded':
        return event.data.activityId === null ? null : this.activityEnd(event.data.activityId);
      case 'OutcomeCorrected':
      case 'OutcomeVoided':
        return this.outcomeDates.get(event.data.outcomeId) ?? null;
      case 'FollowUpAdded':
        return this.activityEnd(event.data.activityId);
      // Without foresight, a cancellation counts on the activity's start as known by then.
      case 'ActivityCancelled':
        return this.activityStarts.get(event.data.activityId) ?? null;
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
      case 'ActivityCorrected':
        this.activityStarts.set(event.data.activityId, event.data.startsOn);
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
