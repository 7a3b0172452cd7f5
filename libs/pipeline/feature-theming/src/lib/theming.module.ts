import { ThemeSpaceStore } from '@closedloop/themes-data-access';
import { Module, type DynamicModule } from '@nestjs/common';
import { sentenceEncoderProvider } from './sentence-encoder.provider';
import { ThemingConsumer } from './theming.consumer';

export interface ThemingOptions {
  /** Holds the sentence encoder's model.onnx and tokenizer.json. */
  readonly encoderDirectory: string;
}

@Module({})
export class ThemingModule {
  static forRoot(options: ThemingOptions): DynamicModule {
    return {
      module: ThemingModule,
      providers: [
        ThemingConsumer,
        sentenceEncoderProvider(options.encoderDirectory),
        { provide: ThemeSpaceStore, useFactory: () => new ThemeSpaceStore() },
      ],
    };
  }
}
