-- The sixth "rõ", authority: who decides on a task, checked when the agreement asks for it.
ALTER TABLE tasks ADD COLUMN decided_by text CHECK (char_length(decided_by) <= 200);
ALTER TABLE agreements ADD COLUMN checks_authority boolean NOT NULL DEFAULT false;
