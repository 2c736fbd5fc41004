@Schema(version = 1)
package com.example.shop;

import dev.schemac.annotations.*;
