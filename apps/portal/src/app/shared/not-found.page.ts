import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'cl-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  template: `
    <h1>Page not found</h1>
    <p>There is nothing at this address.</p>
    <a mat-flat-button routerLink="/feedback">Go to feedback</a>
  `,
})
export class NotFoundPage {}
