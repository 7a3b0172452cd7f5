import { computed, inject, Injectable, signal } from '@angular/core';
import { map, Observable, tap } from 'rxjs';
import {
  SignInDocument,
  SignOutDocument,
  type SignedInUserFragment,
  type UserRole,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';

const STORAGE_KEY = 'closedloop.session';

interface StoredSession {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: SignedInUserFragment;
}

const RANK: Record<UserRole, number> = { VIEWER: 0, CX_LEAD: 1, ADMIN: 2 };

export const ROLE_LABELS: Record<UserRole, string> = {
  VIEWER: 'Viewer',
  CX_LEAD: 'CX lead',
  ADMIN: 'Admin',
};

/**
 * The signed-in person and their session token, kept in sessionStorage (gone when the tab closes).
 * The token goes on every request through the auth interceptor.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly graphql = inject(GraphqlClient);
  private readonly session = signal<StoredSession | null>(read());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly signedIn = computed(() => this.session() !== null);
  /** May change themes and actions and announce (CX lead or admin). */
  readonly canChange = computed(() => this.atLeast('CX_LEAD'));
  readonly isAdmin = computed(() => this.atLeast('ADMIN'));

  token(): string | null {
    return this.session()?.token ?? null;
  }

  signIn(email: string, password: string): Observable<SignedInUserFragment> {
    return this.graphql.request(SignInDocument, { email, password }).pipe(
      map((data) => data.signIn),
      tap((result) =>
        this.set({ token: result.token, expiresAt: result.expiresAt, user: result.user }),
      ),
      map((result) => result.user),
    );
  }

  /** Ends the session on the server (best effort) and forgets it here. */
  signOut(): Observable<unknown> {
    return this.graphql.request(SignOutDocument).pipe(tap({ finalize: () => this.clear() }));
  }

  /** Forgets the session (after the API said it ended). */
  clear(): void {
    this.set(null);
  }

  private atLeast(role: UserRole): boolean {
    const user = this.user();
    return user !== null && RANK[user.role] >= RANK[role];
  }

  private set(value: StoredSession | null): void {
    this.session.set(value);
    try {
      if (value) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage unavailable (private mode): the session lasts as long as the page
    }
  }
}

function read(): StoredSession | null {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredSession;
    return typeof parsed.token === 'string' && Date.parse(parsed.expiresAt) > Date.now()
      ? parsed
      : null;
  } catch {
    return null;
  }
}
