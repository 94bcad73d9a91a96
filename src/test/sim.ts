// Tests only: the simulator itself, for tests that compare the console's figures with a twin of the simulator
// behind it (same seed and start).
export { createSimulator, type GcStatus, type Simulator } from '@/mocks/sim/simulator';
export { nextQuietNoon, testStartTime } from '@/mocks/sim/test-start';
