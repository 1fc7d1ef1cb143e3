// Namespaces nearly every file of this project uses, imported once here (C# global usings).
global using System.Text.Json.Nodes;
global using System.Globalization;
global using WiseCx.Sandbox.Http;
global using WiseCx.Sandbox.Data;
global using WiseCx.Sandbox.Shaping;
global using WiseCx.Sandbox.Filtering;
