@Schema(version = 1)
package com.example.items;

import dev.schemac.annotations.*;
