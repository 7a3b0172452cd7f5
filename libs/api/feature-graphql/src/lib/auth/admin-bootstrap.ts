import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { UserService } from '../users/user.service';

/** Creates the first admin from the environment at start, when no user has that email yet. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('People');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly users: UserService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const created = await this.users.ensureAdmin(
      admin.email,
      admin.name ?? 'Administrator',
      admin.password,
    );
    if (created)
      this.logger.log('created the admin named by ADMIN_EMAIL, with ADMIN_PASSWORD');
  }
}
