import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  linkedSignal,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CustomersApi } from '../data/customers-api';
import type { CustomerFilterInput, FeedbackSourceKind } from '../graphql/generated';
import { ErrorPanel } from '../shared/error-panel';
import { customerName, sourceLabel } from '../shared/feedback-format';
import { SOURCES } from '../feedback/explorer-filters';
import { Pager } from '../shared/pager';

const PAGE = 50;

/** Customers, newest first, searchable by name or email and by the source they spoke through. */
@Component({
  selector: 'cl-customer-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    Pager,
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    ErrorPanel,
  ],
  templateUrl: './customer-list.page.html',
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin-bottom: 8px;
    }
    .search {
      width: 320px;
    }
    .mat-column-feedbackCount {
      width: 110px;
    }
  `,
})
export class CustomerListPage {
  private readonly api = inject(CustomersApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly sources = SOURCES;
  protected readonly sourceLabel = sourceLabel;
  protected readonly customerName = customerName;
  protected readonly columns = ['name', 'email', 'feedbackCount', 'unsubscribedAt'];

  private readonly query = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });
  protected readonly search = computed(() => this.query().get('search')?.trim() ?? '');
  protected readonly source = computed(() => {
    const s = this.query().get('source')?.toUpperCase();
    return SOURCES.find((k) => k === s) ?? null;
  });
  private readonly filter = computed<CustomerFilterInput>(
    () => ({
      ...(this.search() ? { search: this.search().slice(0, 200) } : {}),
      ...(this.source() ? { source: this.source() } : {}),
    }),
    { equal: (a, b) => a.search === b.search && a.source === b.source },
  );
  protected readonly cursors = linkedSignal<CustomerFilterInput, readonly (string | null)[]>({
    source: this.filter,
    computation: () => [null],
  });
  protected readonly page = rxResource({
    params: () => ({ filter: this.filter(), after: this.cursors().at(-1) ?? null }),
    stream: ({ params }) => this.api.page(PAGE, params.after, params.filter),
  });
  protected readonly firstShown = computed(() => (this.cursors().length - 1) * PAGE + 1);

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.setParam('search', value), 400);
  }

  protected searchNow(event: Event): void {
    event.preventDefault();
    clearTimeout(this.timer);
    const input = (event.target as HTMLFormElement).elements.namedItem('search');
    this.setParam('search', (input as HTMLInputElement | null)?.value.trim() ?? '');
  }

  protected setSource(source: FeedbackSourceKind | null): void {
    this.setParam('source', source);
  }

  protected next(): void {
    const page = this.page.hasValue() ? this.page.value() : null;
    if (page?.hasNextPage) this.cursors.update((c) => [...c, page.endCursor]);
  }

  protected previous(): void {
    this.cursors.update((c) => (c.length > 1 ? c.slice(0, -1) : c));
  }

  private setParam(key: string, value: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [key]: value || null },
      queryParamsHandling: 'merge',
    });
  }
}
