-- a label for every item: its note, or its name
UPDATE items SET label = COALESCE(note, name) WHERE label IS NULL;
