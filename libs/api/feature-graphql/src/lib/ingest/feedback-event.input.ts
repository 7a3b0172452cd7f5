import { Field, InputType } from '@nestjs/graphql';
import { SubmitCrmRecordInput } from './submit-crm-record.input';
import { SubmitSocialPostInput } from './submit-social-post.input';
import { SubmitStaffReportInput } from './submit-staff-report.input';
import { SubmitSurveyResponseInput } from './submit-survey-response.input';

@InputType({ description: 'One event of a batch: set exactly one of the four.' })
export class FeedbackEventInput {
  @Field(() => SubmitSurveyResponseInput, { nullable: true })
  survey?: SubmitSurveyResponseInput | null;

  @Field(() => SubmitSocialPostInput, { nullable: true })
  social?: SubmitSocialPostInput | null;

  @Field(() => SubmitCrmRecordInput, { nullable: true })
  crm?: SubmitCrmRecordInput | null;

  @Field(() => SubmitStaffReportInput, { nullable: true })
  staff?: SubmitStaffReportInput | null;
}
