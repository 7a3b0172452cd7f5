import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import {
  CloseResearchPromptDocument,
  CreateResearchPromptDocument,
  ResearchPromptsDocument,
  SenderSettingsDocument,
  UpdateSenderSettingsDocument,
  type PromptRowFragment,
  type SenderSettingsFragment,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';

/** The fields of the sender form; an empty string clears a setting. */
export interface SenderForm {
  readonly senderName: string;
  readonly senderAddress: string;
  readonly noticeSubjectTemplate: string;
  readonly noticeBodyTemplate: string;
}

/** The sender and template settings, and research prompts for staff. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly graphql = inject(GraphqlClient);

  sender(): Observable<SenderSettingsFragment> {
    return this.graphql.request(SenderSettingsDocument).pipe(map((d) => d.settings));
  }

  saveSender(form: SenderForm): Observable<SenderSettingsFragment> {
    return this.graphql
      .request(UpdateSenderSettingsDocument, { input: form })
      .pipe(map((d) => d.updateSettings));
  }

  prompts(): Observable<readonly PromptRowFragment[]> {
    return this.graphql.request(ResearchPromptsDocument).pipe(map((d) => d.researchPrompts));
  }

  createPrompt(question: string): Observable<PromptRowFragment> {
    return this.graphql
      .request(CreateResearchPromptDocument, { question })
      .pipe(map((d) => d.createResearchPrompt));
  }

  closePrompt(id: string): Observable<PromptRowFragment> {
    return this.graphql
      .request(CloseResearchPromptDocument, { id })
      .pipe(map((d) => d.closeResearchPrompt));
  }
}
