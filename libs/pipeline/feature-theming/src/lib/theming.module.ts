import { ThemeSpaceStore } from '@closedloop/themes-data-access';
import { referenceOrigin, type SentenceEncoder } from '@closedloop/themes-encoder';
import { Module, type DynamicModule } from '@nestjs/common';
import { SENTENCE_ENCODER, sentenceEncoderProvider } from './sentence-encoder.provider';
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
        {
          // A new theme space centres its first items on the encoder's reference origin.
          provide: ThemeSpaceStore,
          useFactory: async (encoder: SentenceEncoder) =>
            new ThemeSpaceStore({ priorOrigin: await referenceOrigin(encoder) }),
          inject: [SENTENCE_ENCODER],
        },
      ],
    };
  }
}
