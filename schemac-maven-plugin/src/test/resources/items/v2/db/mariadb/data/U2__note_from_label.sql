UPDATE items SET note = NULLIF(label, name);
