import CoPKit
import HelloPlugin

// The whole executable: CoPKit's main serves cop's protocol and runs the plugin's subcommands.
PluginMain.run(HelloPlugin())
