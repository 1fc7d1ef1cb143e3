// Namespaces nearly every file of this project uses, imported once here (C# global usings).
global using System;
global using System.Collections;
global using System.Collections.Generic;
global using System.Linq;
global using System.Management.Automation;
global using WiseCx.PowerShell.Internal;
global using WiseCx.Client.Filtering;
global using WiseCx.Client.Services;
