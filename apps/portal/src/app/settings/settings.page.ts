import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { SessionStore } from '../auth/session.store';
import { PeopleAndKeys } from './people-and-keys';
import { ResearchPrompts } from './research-prompts';
import { SenderSettings } from './sender-settings';

/** Settings: people and API keys, sender and template (admins); research prompts (CX leads). */
@Component({
  selector: 'cl-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PeopleAndKeys, SenderSettings, ResearchPrompts],
  template: `
    <header class="page-header">
      <div>
        <h1>Settings</h1>
        <p class="subtitle">
          @if (session.isAdmin()) {
            Who signs in, which integrators send feedback, who notices come from, and what staff are
            asked.
          } @else {
            What front-line staff are asked to find out.
          }
        </p>
      </div>
    </header>
    @if (session.isAdmin()) {
      <cl-people-and-keys />
      <cl-sender-settings />
    }
    <cl-research-prompts />
  `,
})
export class SettingsPage {
  protected readonly session = inject(SessionStore);
}
