using Switchboard.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboard();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.MapSwitchboardApis();
app.Run();

/// <summary>The host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
