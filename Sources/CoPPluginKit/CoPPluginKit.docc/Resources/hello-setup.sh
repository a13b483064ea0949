mkdir cop-hello && cd cop-hello
swift package init --type library --name HelloPlugin
mkdir -p Sources/cop-hello
