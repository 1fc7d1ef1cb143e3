// Namespaces nearly every file of this project uses, imported once here (C# global usings).
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
global using System.Net.Http;
global using WiseCx.Client.Http;
global using WiseCx.Client.Paging;
global using WiseCx.Client.Filtering;
global using WiseCx.Client.Json;
