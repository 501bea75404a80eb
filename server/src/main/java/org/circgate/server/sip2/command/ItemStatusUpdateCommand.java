package org.circgate.server.sip2.command;

import org.circgate.server.circulation.ItemInformationService;
import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Resends;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.ItemStatusUpdateRequest;
import org.circgate.sip2.message.ItemStatusUpdateResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 19 Item Status Update → 20: stores the item properties CH (sorters and RFID pads use them to keep, for example, the
 * number of discs). Only accounts with {@code statusUpdateAllowed} may; the others get item properties ok 0 with a
 * screen message, and their 98 says status update N.
 */
public final class ItemStatusUpdateCommand implements Sip2CommandHandler {
    private final Sip2Services services;
    private final ItemInformationService items;

    public ItemStatusUpdateCommand(Sip2Services services) {
        this.services = services;
        this.items = new ItemInformationService(services.circulation());
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.ITEM_STATUS_UPDATE;
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        ItemStatusUpdateRequest request = (ItemStatusUpdateRequest) message.request();
        if (!session.account().options().statusUpdateAllowed()) {
            return Answer.denied(refused(session, request, "Item status updates are not allowed at this terminal"));
        }
        return Sip2Resends.inTransaction(services, session, message, connection -> {
            ItemInformationService.PropertiesUpdate update = items.updateProperties(connection, session.operator(),
                    request.itemIdentifier(), request.itemProperties());
            if (!update.updated()) {
                return Answer.denied(refused(session, request, "Item not found"));
            }
            return Answer.ok(ItemStatusUpdateResponse.builder()
                    .itemPropertiesOk(true)
                    .transactionDate(Sip2Times.now(services.clock(), session))
                    .itemIdentifier(request.itemIdentifier())
                    .titleIdentifier(update.item().get().title())
                    .itemProperties(update.item().get().properties())
                    .screenMessages("Item properties updated")
                    .build());
        });
    }

    private Sip2Response refused(Sip2Session session, ItemStatusUpdateRequest request, String screenMessage) {
        return ItemStatusUpdateResponse.builder()
                .itemPropertiesOk(false)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .itemIdentifier(request.itemIdentifier())
                .screenMessages(screenMessage)
                .build();
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return refused(session, (ItemStatusUpdateRequest) message.request(), screenMessage);
    }
}
