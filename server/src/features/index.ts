// Every language feature the server offers, registered in one place.
import type { Feature } from './context';

export const FEATURES: readonly Feature[] = [];
