@Schema(version = 2, drops = @Drop(table = "items", column = "note"))
package com.example.items;

import dev.schemac.annotations.*;
