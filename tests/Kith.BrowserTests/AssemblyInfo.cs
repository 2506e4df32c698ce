using Kith.BrowserTests.Infrastructure;

[assembly: AssemblyFixture(typeof(Chromium))]
