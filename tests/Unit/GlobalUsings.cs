global using Xunit;
global using WiseCx;
