package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

public record Profile(String bio) {}
