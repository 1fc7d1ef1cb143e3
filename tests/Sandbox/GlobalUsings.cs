global using WiseCx;
global using WiseCx.Tests.Unit;
global using Xunit;
