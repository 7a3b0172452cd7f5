import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Observable } from 'rxjs';
import { ROLE_LABELS, SessionStore } from '../auth/session.store';
import { AdminApi } from '../data/admin-api';
import type { ApiKeyScope, UserRole } from '../graphql/generated';
import { ErrorPanel } from '../shared/error-panel';

const ROLES: readonly UserRole[] = ['VIEWER', 'CX_LEAD', 'ADMIN'];
const SCOPES: readonly ApiKeyScope[] = ['SURVEY', 'SOCIAL', 'CRM', 'STAFF'];

/**
 * Admins: people (create, change role, disable) and integrator API keys (created once, shown
 * once with a copy button; revoked).
 */
@Component({
  selector: 'cl-people-and-keys',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorPanel,
  ],
  templateUrl: './people-and-keys.html',
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      margin-bottom: 16px;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid #ddd;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
    }
    .new-key {
      font-family: monospace;
      background: #eef6ee;
      padding: 8px;
      word-break: break-all;
    }
    .muted {
      color: #666;
    }
  `,
})
export class PeopleAndKeys {
  private readonly clipboard = inject(Clipboard);
  protected readonly copied = signal(false);
  private readonly api = inject(AdminApi);
  protected readonly me = inject(SessionStore).user;
  protected readonly roles = ROLES;
  protected readonly scopes = SCOPES;
  protected readonly roleLabels = ROLE_LABELS;

  protected readonly people = rxResource({ stream: () => this.api.people() });
  protected readonly keys = rxResource({ stream: () => this.api.apiKeys() });
  protected readonly error = signal<unknown>(null);
  protected readonly newKey = signal<string | null>(null);

  protected person = { email: '', name: '', role: 'VIEWER' as UserRole, password: '' };
  protected key = { name: '', scopes: ['SURVEY'] as ApiKeyScope[] };

  protected createPerson(): void {
    this.run(this.api.createPerson({ ...this.person, email: this.person.email.trim() }), () => {
      this.person = { email: '', name: '', role: 'VIEWER', password: '' };
      this.people.reload();
    });
  }

  protected changeRole(id: string, role: UserRole): void {
    this.run(this.api.changeRole(id, role), () => this.people.reload());
  }

  protected setDisabled(id: string, disabled: boolean): void {
    this.run(this.api.setDisabled(id, disabled), () => this.people.reload());
  }

  protected copyKey(key: string): void {
    this.copied.set(this.clipboard.copy(key));
  }

  protected createKey(): void {
    this.newKey.set(null);
    this.copied.set(false);
    this.run(this.api.createKey(this.key.name.trim(), this.key.scopes), (key) => {
      this.newKey.set(key);
      this.key = { name: '', scopes: ['SURVEY'] };
      this.keys.reload();
    });
  }

  protected revokeKey(id: string): void {
    this.run(this.api.revokeKey(id), () => this.keys.reload());
  }

  private run<T>(work: Observable<T>, done: (value: T) => void): void {
    this.error.set(null);
    work.subscribe({ next: done, error: (error: unknown) => this.error.set(error) });
  }
}
