/** Presets that ship with the app; the user's own presets are stored in the portfolio. */
import type { MappingPreset } from '../types';
import { nhs111Preset } from './nhs111';

export const builtInPresets: readonly MappingPreset[] = [nhs111Preset];
