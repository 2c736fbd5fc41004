@Schema(version = 1)
package com.example.caps;

import dev.schemac.annotations.*;
