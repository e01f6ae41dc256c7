import { thirdPartyMatrix } from '../vitest/third-party-matrix.ts';

// A file of its own, so that vitest runs it in its own worker beside the other servers'.
thirdPartyMatrix({ name: 'mcp-atlassian', dialect: 'mcp-atlassian' });
