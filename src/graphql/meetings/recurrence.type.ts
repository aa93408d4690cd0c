import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ZoomOccurrence, ZoomRecurrence } from '../../zoom/types.js';
import { DateTime } from '../dateTime.js';
import { known } from './known.js';
import { RecurrenceType } from './meetingSettings.enum.js';

const date = (v: string | undefined) => (v ? new Date(v) : null);

export enum OccurrenceStatus {
  AVAILABLE = 'available',
  DELETED = 'deleted',
}

registerEnumType(OccurrenceStatus, { name: 'OccurrenceStatus' });

@ObjectType({ simpleResolvers: true, description: 'How a recurring meeting repeats (Zoom’s `recurrence`).' })
export class MeetingRecurrence {
  @Field(() => RecurrenceType, { nullable: true })
  type!: RecurrenceType | null;

  @Field(() => Int, { nullable: true, description: 'Every n days, weeks or months.' })
  repeatInterval!: number | null;

  @Field(() => [Int], { nullable: true, description: 'WEEKLY: days of the week, 1 = Sunday … 7 = Saturday.' })
  weeklyDays!: number[] | null;

  @Field(() => Int, { nullable: true })
  monthlyDay!: number | null;

  @Field(() => Int, { nullable: true, description: '-1 (last) or 1–4.' })
  monthlyWeek!: number | null;

  @Field(() => Int, { nullable: true, description: '1 = Sunday … 7 = Saturday.' })
  monthlyWeekDay!: number | null;

  @Field(() => Int, { nullable: true })
  endTimes!: number | null;

  @Field(() => DateTime, { nullable: true })
  endDateTime!: Date | null;

  static from(r: ZoomRecurrence): MeetingRecurrence {
    const days =
      typeof r.weekly_days === 'string' && r.weekly_days !== '' ? r.weekly_days.split(',').map(Number).filter(Number.isInteger) : null;
    return Object.assign(new MeetingRecurrence(), {
      type: known(RecurrenceType, r.type),
      repeatInterval: r.repeat_interval ?? null,
      weeklyDays: days,
      monthlyDay: r.monthly_day ?? null,
      monthlyWeek: r.monthly_week ?? null,
      monthlyWeekDay: r.monthly_week_day ?? null,
      endTimes: r.end_times ?? null,
      endDateTime: date(r.end_date_time),
    });
  }
}

@ObjectType({ simpleResolvers: true, description: 'One occurrence of a recurring meeting with a fixed time.' })
export class MeetingOccurrence {
  // NOTE: not `id`: Zoom's occurrence ids are start times in epoch ms, so two meetings share them,
  // and a client cache normalising `MeetingOccurrence:<id>` would merge them.
  @Field(() => ID, {
    description:
      'Zoom’s occurrence_id (unique within its meeting only): pass it to updateMeeting/deleteMeeting to change only this occurrence.',
  })
  occurrenceId!: string;

  @Field(() => DateTime, { nullable: true })
  startTime!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Minutes.' })
  duration!: number | null;

  @Field(() => OccurrenceStatus, { nullable: true })
  status!: OccurrenceStatus | null;

  static from(o: ZoomOccurrence): MeetingOccurrence {
    return Object.assign(new MeetingOccurrence(), {
      occurrenceId: String(o.occurrence_id),
      startTime: date(o.start_time),
      duration: o.duration ?? null,
      status: known(OccurrenceStatus, o.status),
    });
  }
}
