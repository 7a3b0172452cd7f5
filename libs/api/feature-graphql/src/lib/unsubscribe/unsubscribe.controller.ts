import { verifyUnsubscribeToken } from '@closedloop/notices-domain';
import { Controller, Get, Header, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NoticeService } from '../notices/notice.service';
import { API_CONFIG, type ApiConfig } from '../api.config';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:sans-serif;max-width:480px;margin:4rem auto">${body}</body></html>`;

/**
 * One-click unsubscribe (RFC 8058): mail clients POST to the List-Unsubscribe URL;
 * people who follow the link see a page with one button.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly notices: NoticeService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  confirm(@Param('token') token: string, @Res() res: Response): void {
    if (!verifyUnsubscribeToken(token, this.config.unsubscribeSecret)) {
      res.status(404).send(page('Link not valid', '<h1>This unsubscribe link is not valid.</h1>'));
      return;
    }
    res.send(
      page(
        'Unsubscribe',
        '<h1>Stop change notices?</h1><form method="post"><button type="submit">Unsubscribe</button></form>',
      ),
    );
  }

  @Post(':token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const customerId = verifyUnsubscribeToken(token, this.config.unsubscribeSecret);
    if (!customerId || !(await this.notices.unsubscribe(customerId))) {
      res
        .status(404)
        .type('html')
        .send(page('Link not valid', '<h1>This unsubscribe link is not valid.</h1>'));
      return;
    }
    res
      .type('html')
      .send(
        page(
          'Unsubscribed',
          '<h1>You are unsubscribed.</h1><p>We will not email you about changes again.</p>',
        ),
      );
  }
}
