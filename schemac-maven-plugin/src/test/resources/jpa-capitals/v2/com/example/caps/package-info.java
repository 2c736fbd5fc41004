@Schema(version = 2)
package com.example.caps;

import dev.schemac.annotations.*;
