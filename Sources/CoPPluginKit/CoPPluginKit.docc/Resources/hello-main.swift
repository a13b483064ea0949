import CoPPluginKit
import HelloPlugin

// The whole executable: CoPPluginKit's main serves cop's protocol and runs the plugin's subcommands.
PluginMain.run(HelloPlugin())
