import type { McpTool } from '../tool';
import { addCheckInTool } from './add-check-in';
import { checkAskTool } from './check-ask';
import { checkFeedbackQuestionTool } from './check-feedback-question';
import { checkGoalTool } from './check-goal';
import { checkReadinessTool } from './check-readiness';
import { getGoalTool } from './get-goal';
import { listFeedbackRequestsTool } from './list-feedback-requests';
import { listGoalsTool } from './list-goals';

// Adding a tool (journal entries, open actions, sessions …) is a new file here and one line below.
// Each tool keeps its own input type; the list erases it (a function taking one tool's input is not a
// function taking any input), and the server re-parses every input with that tool's own schema.
export const mcpTools = [
  listGoalsTool,
  getGoalTool,
  addCheckInTool,
  checkReadinessTool,
  checkGoalTool,
  checkAskTool,
  checkFeedbackQuestionTool,
  listFeedbackRequestsTool,
] as unknown as McpTool[];
