import { Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { DELIVERY_CONFIG, type DeliveryConfig } from './delivery.config';
import { DeliveryConsumer } from './delivery.consumer';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { NoticeDeliveryService } from './notice-delivery.service';
import { NoticeSweeper } from './notice-sweeper';
import { SEND_THROTTLE, SendThrottle } from './send-throttle';

@Module({})
export class DeliveryModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  static forRoot(config: DeliveryConfig, transport: () => MailTransport): DynamicModule {
    return {
      module: DeliveryModule,
      providers: [
        { provide: DELIVERY_CONFIG, useValue: config },
        { provide: MAIL_TRANSPORT, useFactory: transport },
        { provide: SEND_THROTTLE, useValue: new SendThrottle(config.maxPerSecond) },
        NoticeDeliveryService,
        DeliveryConsumer,
        NoticeSweeper,
      ],
      exports: [NoticeDeliveryService, NoticeSweeper],
    };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
