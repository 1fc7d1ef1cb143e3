// Namespaces nearly every file of this project uses, imported once here (C# global usings).
global using System;
global using System.Collections.Generic;
