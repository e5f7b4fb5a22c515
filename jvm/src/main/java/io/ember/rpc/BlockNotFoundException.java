package io.ember.rpc;

/** The remote process has no block of that name; the message names the block and address. */
public class BlockNotFoundException extends RpcException {
    private final String blockName;

    public BlockNotFoundException(String blockName, String address) {
        super("block " + blockName + " not found at " + address);
        this.blockName = blockName;
    }

    public String blockName() {
        return blockName;
    }
}
