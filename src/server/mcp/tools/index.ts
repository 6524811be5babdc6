import type { McpTool } from '../tool';
import { addCheckInTool } from './add-check-in';
import { addJournalEntryTool } from './add-journal-entry';
import { checkAskTool } from './check-ask';
import { checkFeedbackQuestionTool } from './check-feedback-question';
import { checkGoalTool } from './check-goal';
import { checkReadinessTool } from './check-readiness';
import { getGoalTool } from './get-goal';
import { listFeedbackRequestsTool } from './list-feedback-requests';
import { listGoalsTool } from './list-goals';
import { listOpenActionsTool } from './list-open-actions';
import { listUpcomingSessionsTool } from './list-upcoming-sessions';
import { updateActionTool } from './update-action';

// Adding a tool is a new file here and one line below.
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
  listOpenActionsTool,
  listUpcomingSessionsTool,
  addJournalEntryTool,
  updateActionTool,
] as unknown as McpTool[];
